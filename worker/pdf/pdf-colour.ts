import { inkOf } from '../../common/design/colour';

/** A design colour as pdfkit takes it: always four inks in percent, so pdfkit writes DeviceCMYK and never DeviceRGB. */
export function pdfColour(text: string): [number, number, number, number] {
  const { c, m, y, k } = inkOf(text);
  return [c, m, y, k];
}
