/** The booking module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./booking-service.ts";
import "./schema/booking.ts";
