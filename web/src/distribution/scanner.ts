// Reading a card's QR code with the camera: the browser's BarcodeDetector where it reads QR codes,
// otherwise jsQR, loaded only when the camera is first used (it stays out of the first load).
// The video never leaves the device: frames are read in memory and dropped.

export type ScanProblem = 'unsupported' | 'denied' | 'noCamera' | 'failed';
export class ScanError extends Error {
  constructor(readonly problem: ScanProblem) {
    super(problem);
  }
}

type Detect = (source: HTMLVideoElement) => Promise<string | null>;

type BarcodeDetectorLike = { detect: (s: CanvasImageSource) => Promise<{ rawValue: string }[]> };
type BarcodeDetectorClass = { new (o: { formats: string[] }): BarcodeDetectorLike; getSupportedFormats?: () => Promise<string[]> };

async function nativeDetector(): Promise<Detect | undefined> {
  const BD = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!BD) return undefined;
  try {
    const formats = (await BD.getSupportedFormats?.()) ?? [];
    if (!formats.includes('qr_code')) return undefined;
    const d = new BD({ formats: ['qr_code'] });
    return async (video) => (await d.detect(video))[0]?.rawValue ?? null;
  } catch {
    return undefined;
  }
}

async function jsQrDetector(): Promise<Detect> {
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new ScanError('unsupported');
  return async (video) => {
    const scale = Math.min(1, 800 / Math.max(video.videoWidth, video.videoHeight));
    const w = Math.round(video.videoWidth * scale);
    const h = Math.round(video.videoHeight * scale);
    if (!w || !h) return null;
    canvas.width = w;
    canvas.height = h;
    ctx.drawImage(video, 0, 0, w, h);
    const found = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'attemptBoth' });
    return found?.data || null;
  };
}

/**
 * Loads the QR reader while the network is there, so that the camera also works offline in a page
 * that opened before the service worker kept the app (a first visit).
 */
export function preloadScanner(): void {
  void nativeDetector()
    .then((native) => (native ? undefined : import('jsqr')))
    .catch(() => undefined);
}

export type Scanner = { stop: () => void; engine: 'native' | 'jsqr' };

/**
 * Shows the camera in `video` and reads QR codes until `onText` accepts one (returns true) or
 * `stop` is called. Rejects with a ScanError when there is no camera or it is not allowed.
 */
export async function startScanner(video: HTMLVideoElement, onText: (text: string) => boolean): Promise<Scanner> {
  if (!navigator.mediaDevices?.getUserMedia) throw new ScanError('unsupported');
  const native = await nativeDetector();
  const detect = native ?? (await jsQrDetector());
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
  } catch (e) {
    const name = (e as { name?: string }).name;
    throw new ScanError(
      name === 'NotAllowedError' || name === 'SecurityError'
        ? 'denied'
        : name === 'NotFoundError' || name === 'OverconstrainedError'
          ? 'noCamera'
          : 'failed',
    );
  }
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    for (const t of stream.getTracks()) t.stop();
    video.srcObject = null;
  };
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  try {
    await video.play();
  } catch {
    stop();
    throw new ScanError('failed');
  }
  const tick = async () => {
    if (stopped) return;
    try {
      if (video.readyState >= 2) {
        const text = await detect(video);
        if (!stopped && text && onText(text)) {
          stop();
          return;
        }
      }
    } catch {
      /* a frame that could not be read: try the next one */
    }
    if (!stopped)
      timer = setTimeout(() => {
        void tick();
      }, 150);
  };
  void tick();
  return { stop, engine: native ? 'native' : 'jsqr' };
}
