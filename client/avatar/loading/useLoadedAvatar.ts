import { useEffect, useState } from "react";
import { VRMUtils } from "@pixiv/three-vrm";
import { loadAvatar, type LoadedAvatar } from "./loadAvatar";

/**
 * This component's own VRM for an avatar reference: null while loading, then the loaded one.
 * Disposed (geometry, materials, textures) when the reference changes or the component unmounts.
 */
export function useLoadedAvatar(ref: string): LoadedAvatar | null {
  const [loaded, setLoaded] = useState<LoadedAvatar | null>(null);
  useEffect(() => {
    let current: LoadedAvatar | null = null;
    let cancelled = false;
    void loadAvatar(ref).then((avatar) => {
      if (!avatar) return;
      if (cancelled) VRMUtils.deepDispose(avatar.vrm.scene);
      else {
        current = avatar;
        setLoaded(avatar);
      }
    });
    return () => {
      cancelled = true;
      setLoaded(null);
      if (current) VRMUtils.deepDispose(current.vrm.scene);
    };
  }, [ref]);
  return loaded;
}
