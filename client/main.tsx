import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { installKindredHandle } from "./automation";
import "./styles/base.css";
import "./styles/screens.css";
import "./styles/hud.css";
import "./styles/labels.css";
import "./styles/persona.css";

installKindredHandle();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
