import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const serverPort = Number(process.env.PORT ?? 8080);
const serverUrl = `http://127.0.0.1:${serverPort}`;

export default defineConfig({
  root: "client",
  plugins: [react()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `npm run dev`: Vite serves the client with HMR and hands everything else to the server.
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: {
      "/api": serverUrl,
      "/healthz": serverUrl,
      "/metrics": serverUrl,
      "/worlds/assets": serverUrl,
      "/avatars/presets": serverUrl,
      // Controller and hand models for WebXR (@webxr-input-profiles/assets), never a CDN.
      "/xr/input-profiles": serverUrl,
      // The voice activity detector's model and onnxruntime-web's WASM files, never a CDN.
      "/voice/assets": serverUrl,
      "/matchmake": serverUrl,
      // Colyseus room sockets live at /<processId>/<roomId>.
      "^/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+\\?": { target: serverUrl, ws: true },
    },
  },
});
