// QR codes as inline SVG, drawn on the server (the sign-in screen, the printed notice).
import { toString } from 'qrcode';

export const qrSvg = (text: string): Promise<string> =>
  toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
