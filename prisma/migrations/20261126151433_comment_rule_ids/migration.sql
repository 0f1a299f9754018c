-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "rule_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];
