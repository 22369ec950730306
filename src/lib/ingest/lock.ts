import { acquireLock as acquireFolderLock, LockError } from '../lock.ts';
import { InputError } from './errors.ts';

export const LOCK_FILE = '.ingest.lock';

/** Takes `<contentDir>/.ingest.lock` so that two ingests never write the same entries at once (see ../lock.ts). */
export async function acquireLock(contentDir: string, shownDir = contentDir): Promise<() => Promise<void>> {
  try {
    return await acquireFolderLock({ dir: contentDir, name: LOCK_FILE, shownDir, activity: 'ingest', target: shownDir });
  } catch (error) {
    throw error instanceof LockError ? new InputError(error.file, undefined, error.reason) : error;
  }
}
