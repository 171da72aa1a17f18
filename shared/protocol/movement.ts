/** Movement limits shared by the client's controls and the server's checks (metres, seconds). */
export const WALK_SPEED = 2.2;
export const RUN_SPEED = 5.5;
/** The server accepts up to this speed; the margin absorbs network jitter and frame timing. */
export const MAX_ACCEPTED_SPEED = RUN_SPEED * 1.5;
/** Distance always allowed between two moves, whatever the elapsed time (jitter slack). */
export const MOVE_SLACK_METRES = 0.75;
/** How often a client sends its pose while moving. */
export const MOVE_SEND_HZ = 10;
