import type { z } from "zod";

/** A zod failure as one readable line: `name: name is empty; pitch: Too big…`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.map(String).join(".");
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join("; ");
}
