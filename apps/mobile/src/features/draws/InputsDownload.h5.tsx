import { publicDrawInputsUrl } from '../../services/api';
import { inputsFileName } from './inputs-file';

/** In the browser: a plain link that saves the inputs file (same origin as the API). */
export function InputsDownload({ drawId, drawNumber }: { drawId: string; drawNumber: string }) {
  return (
    <a
      className="dr-link"
      data-testid="public-inputs-download"
      href={publicDrawInputsUrl(drawId)}
      download={inputsFileName(drawNumber)}
    >
      下载输入数据（JSON）
    </a>
  );
}
