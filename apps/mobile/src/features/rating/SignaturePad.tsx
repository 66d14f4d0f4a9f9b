import { Canvas, Text, View } from '@tarojs/components';
import type { CanvasTouchEvent } from '@tarojs/components/types/common';
import Taro from '@tarojs/taro';
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

const CANVAS_ID = 'rating-signature-pad';

/** The parts of a mini-program 2D canvas node this pad uses. */
interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
  toDataURL(type?: string): string;
}

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio || 1;
  } catch {
    return Taro.getSystemInfoSync().pixelRatio || 1;
  }
}

/**
 * 企业签字 in the mini-program: a `<canvas type="2d">` node found with a selector query, drawn on
 * with a finger and exported with canvas.toDataURL. (SignaturePad.h5.tsx is the H5 version.)
 */
export const SignaturePad = forwardRef<SignaturePadHandle, SignaturePadProps>(function SignaturePad(
  { onInkChange, disabled = false },
  ref,
) {
  const canvasRef = useRef<CanvasNode | null>(null);
  const contextRef = useRef<CanvasRenderingContext2D | null>(null);
  const size = useRef({ width: 0, height: 0 });
  const tracker = useRef(new InkTracker());

  const paper = useCallback(() => {
    const context = contextRef.current;
    if (!context) return;
    const { width, height } = size.current;
    context.fillStyle = SIGNATURE_PAPER;
    context.fillRect(0, 0, width, height);
    context.strokeStyle = SIGNATURE_INK;
    context.fillStyle = SIGNATURE_INK;
    context.lineWidth = SIGNATURE_LINE_WIDTH;
    context.lineCap = 'round';
    context.lineJoin = 'round';
  }, []);

  useEffect(() => {
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${CANVAS_ID}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width: number; height: number }[]) => {
          const found = res?.[0];
          if (!found?.node) return;
          const canvas = found.node;
          const ratio = pixelRatio();
          canvas.width = Math.round(found.width * ratio);
          canvas.height = Math.round(found.height * ratio);
          const context = canvas.getContext('2d');
          context.scale(ratio, ratio);
          canvasRef.current = canvas;
          contextRef.current = context;
          size.current = { width: found.width, height: found.height };
          paper();
        });
    });
  }, [paper]);

  const clear = useCallback(() => {
    tracker.current.clear();
    paper();
    onInkChange(0);
  }, [paper, onInkChange]);

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

  const pointOf = (e: CanvasTouchEvent): InkPoint | undefined => {
    const t = e.touches[0];
    return t ? { x: t.x, y: t.y } : undefined;
  };

  const onTouchStart = (e: CanvasTouchEvent) => {
    const p = pointOf(e);
    if (!p || disabled) return;
    tracker.current.begin(p);
    const context = contextRef.current;
    if (context) {
      context.beginPath();
      context.arc(p.x, p.y, SIGNATURE_LINE_WIDTH / 2, 0, Math.PI * 2);
      context.fill();
    }
  };
  const onTouchMove = (e: CanvasTouchEvent) => {
    const p = pointOf(e);
    if (!p) return;
    const previous = tracker.current.extend(p);
    if (!previous) return;
    const context = contextRef.current;
    if (context) {
      context.beginPath();
      context.moveTo(previous.x, previous.y);
      context.lineTo(p.x, p.y);
      context.stroke();
    }
    onInkChange(tracker.current.ink);
  };
  const onTouchEnd = () => tracker.current.end();

  return (
    <View className="sigpad">
      <Text className="sigpad__hint" id="signature-hint">
        请用手指在下方白色区域内签名
      </Text>
      <Canvas
        id={CANVAS_ID}
        type="2d"
        className="sigpad__canvas"
        data-testid="signature-pad"
        disableScroll
        onTouchStart={onTouchStart}
        onTouchMove={onTouchMove}
        onTouchEnd={onTouchEnd}
        onTouchCancel={onTouchEnd}
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
