// Wrong command-line use: reported with a hint, exit status 2.
import { NetwatchError } from '@netwatch/kit';

export function usageError(message: string): NetwatchError {
  return new NetwatchError('usage', message);
}
