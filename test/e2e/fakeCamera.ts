// A camera for Chromium that films a household card: the card's token drawn as a QR code
// (qrcode-generator) into a Y4M video file, which Chromium plays as its camera when started with
// --use-fake-device-for-media-stream --use-file-for-fake-video-capture=FILE.
import fs from 'node:fs';
import qrcode from 'qrcode-generator';

/** Writes a 640x480 YUV 4:2:0 video of `text` as a black-on-white QR code, slightly off-centre. */
export function writeQrVideo(file: string, text: string, frames = 3): void {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const W = 640;
  const H = 480;
  const cell = Math.floor((H - 40) / (n + 8)); // 4 modules of quiet zone on each side
  const size = cell * (n + 8);
  const x0 = Math.floor((W - size) / 2) + 12;
  const y0 = Math.floor((H - size) / 2);
  const y = Buffer.alloc(W * H, 200); // a grey table around the white card
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const mr = Math.floor(r / cell) - 4;
      const mc = Math.floor(c / cell) - 4;
      const dark = mr >= 0 && mc >= 0 && mr < n && mc < n && qr.isDark(mr, mc);
      y[(y0 + r) * W + x0 + c] = dark ? 16 : 235;
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let i = 0; i < frames; i++) parts.push(Buffer.from('FRAME\n'), y, chroma, chroma);
  fs.writeFileSync(file, Buffer.concat(parts));
}
