/**
 * `@tokenframe/react`: the Tokenframe widget for React (PRODUCT.md §9), in the vocabulary
 * React integrators know: `onSuccess`, `onExit`, `onEvent`.
 */
export { TokenframeCapture, type TokenframeCaptureProps } from './TokenframeCapture';
export {
  useTokenframe,
  type ExitEvent,
  type TokenframeStatus,
  type UseTokenframeOptions,
  type UseTokenframeResult,
} from './useTokenframe';
