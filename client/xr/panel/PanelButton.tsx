import { Container, Text } from "@react-three/uikit";

const IDLE = "#2c3650";
const HOVER = "#3d4a6b";
const ACTIVE = "#3f8f6a";

/** A labelled button of the in-VR panel; `active` lights it (held, muted, on). */
export function PanelButton({
  label,
  active = false,
  onClick,
  onPointerDown,
  onPointerUp,
}: {
  label: string;
  active?: boolean;
  onClick?: () => void;
  onPointerDown?: () => void;
  onPointerUp?: () => void;
}) {
  return (
    <Container
      paddingX={10}
      paddingY={7}
      borderRadius={8}
      backgroundColor={active ? ACTIVE : IDLE}
      hover={{ backgroundColor: active ? ACTIVE : HOVER }}
      cursor="pointer"
      onClick={onClick}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerLeave={onPointerUp}
    >
      <Text fontSize={13} color="#f2f4fa">
        {label}
      </Text>
    </Container>
  );
}
