import { Hono } from "hono";
import type { WorldCatalog } from "../../worlds";
import { HttpError } from "../errors";

/** `/api/worlds`: the world list and each world's full definition (defaults filled in). */
export function worldRoutes(worlds: WorldCatalog) {
  return new Hono()
    .get("/", (c) => c.json(worlds.list()))
    .get("/:id", (c) => {
      const id = c.req.param("id");
      const world = worlds.get(id);
      if (!world) throw new HttpError(404, `no world "${id}"`);
      return c.json(world);
    });
}
