export { createMetrics, type Metrics, type RoomCounts } from "./registry";
