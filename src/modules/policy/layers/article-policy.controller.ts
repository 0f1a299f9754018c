import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EffectivePolicyView } from '@/contract/effective-policy.js';
import { articleIdSchema } from '@/modules/articles/articles.dto.js';
import { Authenticated, CurrentPrincipal } from '@/modules/auth/auth.decorators.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { CurrentSite } from '@/modules/sites/current-site.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { type OverridesChangeDto, overridesChangeSchema } from '../policy.dto.js';
import { PolicyLayersService } from './policy-layers.service.js';

@ApiTags('policy')
@Controller('api/v1/articles')
export class ArticlePolicyController {
  constructor(private readonly layers: PolicyLayersService) {}

  @ApiOperation({ summary: "An article's effective policy: its site's, with its section's and its own changes, each setting with its layer (moderator)" })
  @Authenticated({ minRole: 'moderator' })
  @Get(':articleId/policy')
  effective(@CurrentSite() site: SiteScope, @Param('articleId', { schema: articleIdSchema }) articleId: string): Promise<EffectivePolicyView> {
    return this.layers.effective(site, articleId);
  }

  @ApiOperation({ summary: "Replace an article's own changes to the policy ({} removes them) (admin)" })
  @Authenticated({ minRole: 'admin' })
  @Put(':articleId/policy')
  setOverrides(
    @CurrentPrincipal() actor: Principal,
    @Param('articleId', { schema: articleIdSchema }) articleId: string,
    @Body({ schema: overridesChangeSchema }) dto: OverridesChangeDto,
  ): Promise<EffectivePolicyView> {
    return this.layers.setArticleOverrides(actor, articleId, dto);
  }
}
