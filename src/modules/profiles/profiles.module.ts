import { Module } from '@nestjs/common';
import { ProfilesController } from './profiles.controller.js';
import { ProfilesRepository } from './profiles.repository.js';

@Module({ controllers: [ProfilesController], providers: [ProfilesRepository] })
export class ProfilesModule {}
