import { Text, View } from '@tarojs/components';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef } from 'react';

import {
  SIGNATURE_INK,
  SIGNATURE_LINE_WIDTH,
  SIGNATURE_PAPER,
  type SignaturePadHandle,
  type SignaturePadProps,
} from './signature-pad-types';
import { Button } from '../../shared/ui/Button';
import { InkTracker, type InkPoint } from './signature-stroke';

import './SignaturePad.css';

/** Size of the drawing when the page has not laid the canvas out (CSS pixels). */
const FALLBACK_WIDTH = 320;
const FALLBACK_HEIGHT = 180;

function paper(context: CanvasRenderingContext2D, width: number, height: number): void {
  context.fillStyle = SIGNATURE_PAPER;
  context.fillRect(0, 0, width, height);
  context.strokeStyle = SIGNATURE_INK;
  context.fillStyle = SIGNATURE_INK;
  context.lineWidth = SIGNATURE_LINE_WIDTH;
  context.lineCap = 'round';
  context.lineJoin = 'round';
}

/**
 * 企业签字 in H5: a DOM canvas drawn on with a finger (touch events) or a mouse, scaled for the
 * screen's devicePixelRatio. (SignaturePad.tsx is the mini-program's version.)
 */
export const SignaturePad = forwardRef<SignaturePadHandle, SignaturePadProps>(function SignaturePad(
  { onInkChange, disabled = false },
  ref,
) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const contextRef = useRef<CanvasRenderingContext2D | null>(null);
  const size = useRef({ width: FALLBACK_WIDTH, height: FALLBACK_HEIGHT });
  const tracker = useRef(new InkTracker());
  const onInk = useRef(onInkChange);
  onInk.current = onInkChange;
  const disabledRef = useRef(disabled);
  disabledRef.current = disabled;

  const setUp = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const rect = canvas.getBoundingClientRect();
    const width = rect.width || FALLBACK_WIDTH;
    const height = rect.height || FALLBACK_HEIGHT;
    const ratio = window.devicePixelRatio || 1;
    size.current = { width, height };
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const context = canvas.getContext('2d');
    contextRef.current = context;
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    paper(context, width, height);
  }, []);

  const clear = useCallback(() => {
    tracker.current.clear();
    setUp();
    onInk.current(0);
  }, [setUp]);

  useImperativeHandle(
    ref,
    () => ({
      clear,
      toDataUrl: async () => {
        try {
          return canvasRef.current?.toDataURL('image/png') ?? null;
        } catch {
          return null;
        }
      },
    }),
    [clear],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    setUp();

    const pointOf = (clientX: number, clientY: number): InkPoint => {
      const rect = canvas.getBoundingClientRect();
      return { x: clientX - rect.left, y: clientY - rect.top };
    };
    const begin = (p: InkPoint) => {
      if (disabledRef.current) return;
      // Laid out after mount (e.g. during a page transition): fit the still blank pad to its box.
      const rect = canvas.getBoundingClientRect();
      const { width, height } = size.current;
      const resized = rect.width > 0 && (rect.width !== width || rect.height !== height);
      if (resized && tracker.current.ink === 0) setUp();
      tracker.current.begin(p);
      const context = contextRef.current;
      if (context) {
        context.beginPath();
        context.arc(p.x, p.y, SIGNATURE_LINE_WIDTH / 2, 0, Math.PI * 2);
        context.fill();
      }
    };
    const extend = (p: InkPoint) => {
      const previous = tracker.current.extend(p);
      if (!previous) return;
      const context = contextRef.current;
      if (context) {
        context.beginPath();
        context.moveTo(previous.x, previous.y);
        context.lineTo(p.x, p.y);
        context.stroke();
      }
      onInk.current(tracker.current.ink);
    };
    const end = () => tracker.current.end();

    const onMouseDown = (e: MouseEvent) => begin(pointOf(e.clientX, e.clientY));
    const onMouseMove = (e: MouseEvent) => {
      if (tracker.current.drawing) extend(pointOf(e.clientX, e.clientY));
    };
    const onTouchStart = (e: TouchEvent) => {
      const t = e.touches[0];
      if (!t) return;
      e.preventDefault();
      begin(pointOf(t.clientX, t.clientY));
    };
    const onTouchMove = (e: TouchEvent) => {
      const t = e.touches[0];
      if (!t || !tracker.current.drawing) return;
      e.preventDefault();
      extend(pointOf(t.clientX, t.clientY));
    };

    canvas.addEventListener('mousedown', onMouseDown);
    canvas.addEventListener('mousemove', onMouseMove);
    canvas.addEventListener('mouseup', end);
    canvas.addEventListener('mouseleave', end);
    // Not passive: drawing must not scroll the page.
    canvas.addEventListener('touchstart', onTouchStart, { passive: false });
    canvas.addEventListener('touchmove', onTouchMove, { passive: false });
    canvas.addEventListener('touchend', end);
    canvas.addEventListener('touchcancel', end);
    return () => {
      canvas.removeEventListener('mousedown', onMouseDown);
      canvas.removeEventListener('mousemove', onMouseMove);
      canvas.removeEventListener('mouseup', end);
      canvas.removeEventListener('mouseleave', end);
      canvas.removeEventListener('touchstart', onTouchStart);
      canvas.removeEventListener('touchmove', onTouchMove);
      canvas.removeEventListener('touchend', end);
      canvas.removeEventListener('touchcancel', end);
    };
  }, [setUp]);

  return (
    <View className="sigpad">
      <Text className="sigpad__hint" id="signature-hint">
        请用手指（或鼠标）在下方白色区域内签名
      </Text>
      <canvas
        ref={canvasRef}
        className="sigpad__canvas"
        data-testid="signature-pad"
        role="img"
        aria-label="企业签字区"
        aria-describedby="signature-hint"
      />
      <View className="sigpad__bar">
        <Button
          fill="outline"
          className="sigpad__clear"
          data-testid="signature-clear"
          label="清除签名"
          disabled={disabled}
          onClick={clear}
        >
          清除
        </Button>
      </View>
    </View>
  );
});
