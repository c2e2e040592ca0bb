/**
 * @module Form bodies with a NUL character are refused before any handler runs: no real form sends
 * one, PostgreSQL cannot store one (it would be a 500 deep in a query), and SQLite would keep it.
 */
import type { FastifyRequest } from "fastify";
import { NewsdeskError } from "../errors.ts";

function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 3 || value === null || typeof value !== "object") return false;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes("\u0000") || holdsNul(item, depth + 1)) return true;
  }
  return false;
}

/** A preValidation hook: a 400 page naming the problem, nothing stored. */
export async function rejectNulBody(req: FastifyRequest): Promise<void> {
  if (holdsNul(req.body)) {
    throw new NewsdeskError(
      "form.nul",
      "The form held a NUL character (\\0), which cannot be stored. Remove it (it is usually pasted by accident) and send the form again.",
    );
  }
}
