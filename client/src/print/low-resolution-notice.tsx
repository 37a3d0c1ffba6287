import { coarseImageWords, type CoarseImage } from './low-resolution-refusal';

interface LowResolutionNoticeProps {
  images: readonly CoarseImage[];
  /** False once the design has changed since the refusal: the confirmation would be for pictures the campaigner has not seen judged. */
  canPrintAnyway: boolean;
  onPrintAnyway: () => void;
  onGoToField: (path: string) => void;
}

/** The server would not print some pictures unasked: which, how coarse, and the choice to replace them or print anyway. */
export function LowResolutionNotice({ images, canPrintAnyway, onPrintAnyway, onGoToField }: LowResolutionNoticeProps) {
  const one = images.length === 1;
  return (
    <div className="notice notice-wait">
      <p className="notice-title">{one ? 'A picture is too low resolution to print well' : `${images.length} pictures are too low resolution to print well`}</p>
      <ul>
        {images.map((image) => (
          <li key={image.path}>
            <button type="button" className="link-button" onClick={() => onGoToField(image.path)}>
              {coarseImageWords(image)}
            </button>
          </li>
        ))}
      </ul>
      {canPrintAnyway ? (
        <>
          <p>Upload {one ? 'a larger picture' : 'larger pictures'} for a sharp print, or print {one ? 'it' : 'them'} as {one ? 'it is' : 'they are'}.</p>
          <div className="button-row">
            <button type="button" className="button-secondary" onClick={onPrintAnyway}>
              Print anyway
            </button>
          </div>
        </>
      ) : (
        <p>You have changed the leaflet since: send it again to check the pictures.</p>
      )}
    </div>
  );
}
