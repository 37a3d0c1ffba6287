import type { EffectiveBrandKit } from '../../../../common/brand/brand-kit';
import { screenAssetUrl } from '../../api/assets-api';
import { useBrandKit } from '../brand-kit-context';

type BrandLogo = EffectiveBrandKit['logos'][number];

interface BrandLogoChoiceProps {
  /** "Photo", the element's name. */
  name: string;
  /** The asset the picture shows now. */
  assetId: string;
  onChoose: (logo: BrandLogo) => void;
}

/**
 * The brand kit's logos (the organisation's own and those it inherits), each a button that puts that logo
 * in the picture's box by its asset id; the one the box shows now is pressed. Nothing when the kit has none.
 */
export function BrandLogoChoice({ name, assetId, onChoose }: BrandLogoChoiceProps) {
  const { logos } = useBrandKit();
  if (logos.length === 0) return null;
  return (
    <fieldset className="brand-logos">
      <legend>{name}: use a logo from your brand kit</legend>
      <div className="brand-logo-options">
        {logos.map((logo) => (
          <button key={logo.assetId + logo.name} type="button" className="button-quiet brand-logo-option" aria-pressed={logo.assetId === assetId} onClick={() => onChoose(logo)}>
            <img src={screenAssetUrl(logo.assetId)} alt="" width={64} height={40} loading="lazy" />
            <span>
              {logo.name}
              <span className="brand-logo-from"> from {logo.from}</span>
            </span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
