/**
 * jsdom has no Canvas 2D: a stand-in for services/canvas whose context records nothing and
 * measures 1 em per character; exportImage counts the posters drawn and names their width.
 */
export function createFakePosterCanvas () {
  const ctx: Record<string, unknown> = { font: '10px sans-serif' }
  for (const name of [
    'fillRect', 'fillText', 'beginPath', 'closePath', 'fill', 'moveTo', 'lineTo', 'arc', 'arcTo', 'stroke', 'strokeRect',
    'save', 'restore', 'clip', 'translate', 'rotate', 'drawImage', 'setTransform',
  ]) ctx[name] = () => undefined
  ctx.measureText = (text: string) => ({ width: Array.from(text).length * Number.parseFloat(String(ctx.font).replace(/^bold /, '')) })
  ctx.createLinearGradient = () => ({ addColorStop () {} })
  let drawn = 0
  return {
    posterCanvas: {
      canvasNode: async () => ({ width: 0, height: 0, getContext: () => ctx }),
      pixelRatio: () => 2,
      // The canvas width is in the image's name: tests tell thumbnails from full-size posters.
      exportImage: jest.fn(async (canvas: { width: number }) => `data:image/png;base64,drawing-${++drawn}-${canvas.width}w`),
      saveImage: jest.fn(async () => true),
      canShareImage: () => false,
      shareImage: jest.fn(async () => false),
    },
  }
}
