import { z } from "zod";

/** A world file (`worlds/<id>.json`). The format is documented in worlds/README.md. */

const finite = z.number().finite();
export const Vec3 = z.tuple([finite, finite, finite]);
export const Vec2 = z.tuple([finite, finite]);
const Color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "colours are written as #rrggbb");
const WorldId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, "ids are lower-case letters, digits and dashes");

export const MaterialSpec = z
  .object({
    color: Color,
    roughness: z.number().min(0).max(1).default(0.8),
    metalness: z.number().min(0).max(1).default(0),
    emissive: Color.optional(),
    emissiveIntensity: z.number().min(0).max(20).default(1),
    opacity: z.number().min(0).max(1).default(1),
  })
  .strict();

const PropBase = {
  id: z.string().optional(),
  position: Vec3,
  /** Euler angles in degrees, XYZ order. */
  rotation: Vec3.default([0, 0, 0]),
  scale: Vec3.default([1, 1, 1]),
  /** Solid props block walking; their footprint becomes an obstacle. */
  solid: z.boolean().default(false),
  castShadow: z.boolean().default(true),
  receiveShadow: z.boolean().default(true),
};

/** How many numbers each primitive's `size` holds, so the drawn shape and its footprint agree. */
const SIZE_LENGTH = { box: 3, cylinder: 3, cone: 3, sphere: 1, torus: 2, plane: 2, capsule: 2 } as const;
const SIZE_MEANING = {
  box: "[width, height, depth]",
  cylinder: "[radiusTop, radiusBottom, height]",
  cone: "[radiusTop (ignored), radiusBottom, height]",
  sphere: "[radius]",
  torus: "[radius, tube]",
  plane: "[width, depth]",
  capsule: "[radius, length]",
} as const;

export const PrimitiveProp = z
  .object({
    ...PropBase,
    shape: z.enum(["box", "cylinder", "sphere", "cone", "torus", "plane", "capsule"]),
    /** box: [w, h, d]; cylinder/cone: [radiusTop, radiusBottom, height] (cone ignores radiusTop);
     *  sphere: [radius]; torus: [radius, tube]; plane: [w, d]; capsule: [radius, length]. */
    size: z.array(z.number().positive().finite()).min(1).max(3),
    material: MaterialSpec,
  })
  .strict()
  .refine((p) => p.size.length === SIZE_LENGTH[p.shape], {
    path: ["size"],
    error: (issue) => {
      const shape = (issue.input as { shape: keyof typeof SIZE_LENGTH }).shape;
      return `a ${shape} takes ${SIZE_LENGTH[shape]} size number(s): ${SIZE_MEANING[shape]}`;
    },
  });

export const GltfProp = z
  .object({
    ...PropBase,
    shape: z.literal("gltf"),
    /** Path relative to worlds/assets/, e.g. "tree.glb". No URLs: everything is served by Kindred. */
    src: z
      .string()
      .regex(/^[a-zA-Z0-9_./-]+\.(glb|gltf)$/, "src is a .glb/.gltf path under worlds/assets/")
      .refine((s) => !s.includes(".."), "src may not leave worlds/assets/"),
    /** Footprint radius used when solid. */
    footprintRadius: z.number().positive().default(0.5),
  })
  .strict();

export const Prop = z.discriminatedUnion("shape", [PrimitiveProp, GltfProp]);

export const Obstacle = z.discriminatedUnion("type", [
  z.object({ type: z.literal("box"), center: Vec2, size: Vec2, rotation: finite.default(0) }).strict(),
  z.object({ type: z.literal("circle"), center: Vec2, radius: z.number().positive() }).strict(),
]);

export const PointOfInterest = z
  .object({ id: z.string().min(1), name: z.string().min(1), position: Vec3, radius: z.number().positive().default(2) })
  .strict();

export const Portal = z
  .object({
    id: z.string().min(1),
    /** The world this portal leads to. */
    to: WorldId,
    /** The portal id in the target world where travellers arrive. */
    arriveAt: z.string().min(1),
    label: z.string().min(1),
    position: Vec3,
    /** Standing within this distance (on the ground plane) of `position` triggers the portal. */
    radius: z.number().positive().max(5).default(1.2),
    /** Where someone arriving through this portal appears, and which way they face (degrees). */
    exit: z.object({ position: Vec3, yaw: finite.default(0) }).strict(),
    color: Color.default("#7fd4ff"),
  })
  .strict();

export const WorldDefinition = z
  .object({
    id: WorldId,
    name: z.string().min(1).max(60),
    description: z.string().max(500).default(""),
    ground: z
      .object({
        size: Vec2,
        color: Color,
        /** A procedural pattern drawn on the ground. */
        pattern: z.enum(["none", "tiles", "grass", "sand"]).default("none"),
        patternColor: Color.optional(),
      })
      .strict(),
    sky: z
      .object({
        top: Color,
        horizon: Color,
        fog: z.object({ color: Color, near: z.number().nonnegative(), far: z.number().positive() }).strict(),
        sun: z
          .object({ direction: Vec3, color: Color, intensity: z.number().nonnegative() })
          .strict(),
        ambient: z.object({ color: Color, ground: Color, intensity: z.number().nonnegative() }).strict(),
      })
      .strict(),
    /** The walkable rectangle; nobody stands outside it. */
    bounds: z
      .object({ minX: finite, maxX: finite, minZ: finite, maxZ: finite, minY: finite.default(-1), maxY: finite.default(10) })
      .strict()
      .refine((b) => b.minX < b.maxX && b.minZ < b.maxZ && b.minY < b.maxY, "bounds must have min < max"),
    spawns: z.array(z.object({ position: Vec3, yaw: finite.default(0) }).strict()).min(1),
    props: z.array(Prop).default([]),
    obstacles: z.array(Obstacle).default([]),
    pointsOfInterest: z.array(PointOfInterest).default([]),
    portals: z.array(Portal).default([]),
    lights: z
      .array(
        z
          .object({ position: Vec3, color: Color, intensity: z.number().nonnegative(), distance: z.number().nonnegative().default(12) })
          .strict(),
      )
      .max(8, "at most 8 point lights: each one costs every pixel")
      .default([]),
  })
  .strict();

export type WorldDefinition = z.infer<typeof WorldDefinition>;
export type WorldDefinitionInput = z.input<typeof WorldDefinition>;
export type Prop = z.infer<typeof Prop>;
export type PrimitiveProp = z.infer<typeof PrimitiveProp>;
export type Obstacle = z.infer<typeof Obstacle>;
export type Portal = z.infer<typeof Portal>;
export type PointOfInterest = z.infer<typeof PointOfInterest>;
