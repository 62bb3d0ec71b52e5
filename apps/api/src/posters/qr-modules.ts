import qrcode from 'qrcode-generator';

/**
 * The modules (dark = true) of a QR code for `text`, error correction M, as the mini-app's QrImage draws
 * them: text goes in as its UTF-8 bytes (qrcode-generator's byte mode keeps only the low 8 bits of each
 * character, so non-ASCII text must be handed over byte by byte).
 */
export function qrModules(text: string): boolean[][] {
  const bytes = encodeURIComponent(text).replace(/%([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const qr = qrcode(0, 'M');
  qr.addData(bytes, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}
