export { compareHlc, formatHlc, parseHlc, receiveHlc, tickHlc, type HlcState } from './hlc';
