import { InsecurePageError } from "./micErrors";

/** Echo cancellation keeps the companion's own voice from the speakers out of what is heard. */
const MIC_CONSTRAINTS: MediaTrackConstraints = {
  channelCount: 1,
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

/** Opens the microphone (the browser asks for permission the first time). */
export async function openMicrophone(): Promise<MediaStream> {
  // Browsers leave `mediaDevices` undefined outside secure contexts (plain http on a LAN address).
  if (!navigator.mediaDevices?.getUserMedia) throw new InsecurePageError();
  return navigator.mediaDevices.getUserMedia({ audio: MIC_CONSTRAINTS });
}

/** Lets go of the microphone, so the browser's recording indicator goes out. */
export function closeMicrophone(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
