export { preflightPdf, isPureK, isVisuallyBlack } from './preflight-pdf';
export type {
  ColourUse,
  ColourUseKind,
  ColourValue,
  FontFacts,
  ImageFacts,
  InfoFacts,
  MetadataFacts,
  OutputIntentFacts,
  OverprintState,
  PageFacts,
  PreflightReport,
  TextRun,
} from './preflight-report';
export type { ColourSpaceFacts } from './colour-space';
export type { IccFacts } from './icc-header';
export { separations, PROCESS_PLATES } from './separations';
export type { PageSeparations, RegionPt, SeparationOptions, SeparationReport } from './separations';
