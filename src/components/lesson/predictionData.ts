import type { PredictionData } from '../../content/lesson/predictions';
import type { ExploreResult } from '../../core/explore';

/**
 * What a lesson step's prediction reads, from the result on screen: the lesson's box and the
 * speaker notes ask the same question of the same numbers. `vanilla` is a gated step's twin.
 */
export const predictionData = (
  result: ExploreResult,
  vanilla: PredictionData['vanilla'],
): PredictionData => ({
  trace: result.trace,
  params: result.scenario.params,
  updatedLoss: result.updated.loss,
  seq: result.scenario.seq,
  vanilla,
});
