import { useRef, type Ref } from "react";
import { Container, Text, type VanillaContainer } from "@react-three/uikit";

const IDLE = "#2c3650";
const HOVER = "#3d4a6b";
const ACTIVE = "#3f8f6a";

/**
 * A labelled button of the in-VR panel; `active` lights it (held, muted, on). `onPress` runs when
 * a pointer that went down on the button comes up on it, however long it was held: a click in
 * three's pointer events expires after 300 ms, shorter than a deliberate trigger pull.
 */
export function PanelButton({
  ref,
  label,
  active = false,
  onPress,
  onPointerDown,
  onPointerUp,
}: {
  ref?: Ref<VanillaContainer>;
  label: string;
  active?: boolean;
  onPress?: () => void;
  onPointerDown?: () => void;
  onPointerUp?: () => void;
}) {
  const armed = useRef(false);
  return (
    <Container
      ref={ref}
      paddingX={10}
      paddingY={7}
      borderRadius={8}
      backgroundColor={active ? ACTIVE : IDLE}
      hover={{ backgroundColor: active ? ACTIVE : HOVER }}
      cursor="pointer"
      onPointerDown={() => {
        armed.current = true;
        onPointerDown?.();
      }}
      onPointerUp={() => {
        if (armed.current) onPress?.();
        armed.current = false;
        onPointerUp?.();
      }}
      onPointerLeave={() => {
        armed.current = false;
        onPointerUp?.();
      }}
    >
      <Text fontSize={13} color="#f2f4fa">
        {label}
      </Text>
    </Container>
  );
}
