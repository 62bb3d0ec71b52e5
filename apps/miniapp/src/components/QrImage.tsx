import { useMemo } from 'react';
import { Image, View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import './QrImage.css';

/**
 * `text` as its UTF-8 bytes, one per character: qrcode-generator's byte mode takes the low 8 bits of
 * each character, so Chinese text must be handed over this way (links and otpauth:// are ASCII already).
 */
function utf8Binary(text: string): string {
  return encodeURIComponent(text).replace(/%([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A QR code as a GIF data URL, drawn in plain JavaScript (qrcode-generator), so the same code works in
 * WeChat (no DOM, no canvas needed) and in H5. About 400 px wide, with the quiet zone scanners need.
 */
export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(utf8Binary(text), 'Byte');
  qr.make();
  const modules = qr.getModuleCount();
  const cell = Math.max(3, Math.floor(400 / (modules + 8)));
  return qr.createDataURL(cell, cell * 4);
}

interface Props {
  text: string;
  /** What the code is, for screen readers: "登录二维码". */
  label: string;
  /** Smaller, for a QR beside other content (default: big). */
  small?: boolean;
}

/** A QR code on a white square, big enough to scan from a PC screen or another phone. */
export function QrImage({ text, label, small }: Props) {
  const src = useMemo(() => qrDataUrl(text), [text]);
  return (
    <View className={small ? 'zg-qr zg-qr-small' : 'zg-qr'}>
      <Image className='zg-qr-img' src={src} mode='aspectFit' ariaLabel={label} />
    </View>
  );
}
