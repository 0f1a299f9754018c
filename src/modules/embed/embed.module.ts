import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { APP_LOGGER } from '@/config/config.module.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { ArticlesModule } from '@/modules/articles/articles.module.js';
import { PolicyModule } from '@/modules/policy/policy.module.js';
import { EmbedController } from './embed.controller.js';
import { loadWidgetBundles, WIDGET_DIST_DIR, WidgetBundles } from './widget-bundles.js';

@Module({
  imports: [PolicyModule, ArticlesModule],
  controllers: [EmbedController],
  providers: [{ provide: WidgetBundles, useFactory: () => loadWidgetBundles() }],
})
export class EmbedModule implements OnModuleInit {
  constructor(
    private readonly bundles: WidgetBundles,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    // The API works without the widget; say loudly why the widget's routes answer 503.
    const missing = this.bundles.missing;
    if (missing.length) this.logger.error({ dir: WIDGET_DIST_DIR, missing }, 'the widget is not built: run `npm run build`');
  }
}
