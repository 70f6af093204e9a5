/**
 * Test helper, run as its own process: exports `argv[2]` (cases) to `argv[3]` and kills itself with SIGKILL
 * once every record is written, just before the new set would be moved into place: no cleanup code runs.
 */
import { exportDataset } from '../../../src/core/dataset/exportDataset';

const [inputs, outDir] = process.argv.slice(2);
void exportDataset(
  { inputs: [inputs!], outDir: outDir! },
  {
    onProgress: ({ done, total }) => {
      if (done === total) process.kill(process.pid, 'SIGKILL');
    },
  },
);
