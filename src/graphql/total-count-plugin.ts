import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";

/** Every connection's `totalCount` reads the same; plugin-prisma adds the field itself and takes no description for it. */
export const TOTAL_COUNT = "How many items the whole list holds for these arguments, across all pages (not only this page).";

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      totalCountDescription: TotalCountDescriptionPlugin<Types>;
    }
  }
}

export class TotalCountDescriptionPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const connection = this.buildCache.getTypeConfig(fieldConfig.parentType).name.endsWith("Connection");
    if (fieldConfig.name !== "totalCount" || !connection || fieldConfig.description) return fieldConfig;
    return { ...fieldConfig, description: TOTAL_COUNT };
  }
}

SchemaBuilder.registerPlugin("totalCountDescription", TotalCountDescriptionPlugin);
export default "totalCountDescription" as const;
