// A QR code as inline SVG (no canvas, no image request: the CSP allows it as it is). Lazily loaded.
import { useMemo } from 'react';
import { qrMatrix, qrPath } from './encode.ts';

export default function QrCode({ text, label, size = 220 }: { text: string; label: string; size?: number }) {
  const { path, side } = useMemo(() => {
    const m = qrMatrix(text);
    return { path: qrPath(m), side: m.length + 8 };
  }, [text]);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
