import { useMemo } from 'react';
import { designSchema, type Design } from '../../../common/design/design-schema';
import { layoutDesign } from '../../../common/layout/layout-design';
import { PageSvg } from '../preview/page-svg';
import { useAssetSizes } from '../preview/use-asset-sizes';

/** Every page of a design as it will print, laid out by the same code as the editor and the worker. */
export function DesignPages({ design }: { design: Design }) {
  const assets = useAssetSizes(design);
  const layout = useMemo(() => {
    const parsed = designSchema.safeParse(design);
    return parsed.success ? layoutDesign(parsed.data, new Map(Object.entries(assets))) : null;
  }, [design, assets]);
  if (!layout) return <p>No preview</p>;
  return (
    <div className="sign-off-pages">
      {layout.pages.map((_, i) => (
        <PageSvg key={i} layout={layout} pageIndex={i} title={`${layout.pages.length === 1 ? 'Page' : i === 0 ? 'Front' : 'Back'} of ${design.title}`} className="sign-off-page-svg" />
      ))}
    </div>
  );
}
