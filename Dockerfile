# Build and run Comment Desk. The Prisma client is generated at install (postinstall).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json .swcrc ./
RUN npm ci
COPY src ./src
COPY widget ./widget
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
COPY prisma ./prisma
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The heap limit keeps V8 collecting before an idle instance holds hundreds of MB of garbage; raise
# NODE_HEAP_MB with PAGE_CACHE_MB (see .env.example).
ENV NODE_HEAP_MB=128
CMD ["sh", "-c", "exec node --enable-source-maps --max-old-space-size=$NODE_HEAP_MB --max-semi-space-size=8 dist/main.js"]
