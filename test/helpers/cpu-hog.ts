import { spawn } from "node:child_process";

/** Busy processes beside the test (a loaded machine); the returned function ends them. */
export function cpuHog(processes = 2): () => void {
  const hogs = Array.from({ length: processes }, () => spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" }));
  return () => {
    for (const hog of hogs) hog.kill("SIGKILL");
  };
}
