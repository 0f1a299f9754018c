import { Module } from '@nestjs/common';
import { AdminSubjects } from './admin-subjects.js';

/** Roles given from outside the API: ADMIN_SUBJECTS at start (the admin command runs on its own). */
@Module({ providers: [AdminSubjects] })
export class RoleGrantsModule {}
