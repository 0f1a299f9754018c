-- AlterTable
ALTER TABLE "users" ADD COLUMN     "posting_version" INTEGER NOT NULL DEFAULT 0;
