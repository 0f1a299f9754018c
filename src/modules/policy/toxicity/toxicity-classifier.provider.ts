import type { Provider } from '@nestjs/common';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { ToxicityClassifier } from '../engine/engine.js';
import { HttpToxicityClassifier } from './http-toxicity-classifier.js';

export const TOXICITY_CLASSIFIER = Symbol('TOXICITY_CLASSIFIER');

/** The HTTP classifier when TOXICITY_URL is set; null (off) otherwise. */
export const toxicityClassifierProvider: Provider = {
  provide: TOXICITY_CLASSIFIER,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): ToxicityClassifier | null =>
    config.toxicity.url ? new HttpToxicityClassifier(config.toxicity.url, config.toxicity.timeoutMs) : null,
};
