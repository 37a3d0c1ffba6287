# Build stage: compile TypeScript and the browser client.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

# Run stage: only what runs (compiled code, the built client in dist/client, production
# dependencies, the sample photo that tsc does not copy), as an unprivileged user.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/server/assets/sample-photo.jpg ./server/assets/sample-photo.jpg
RUN mkdir -p /var/lib/rosette/files && chown -R node:node /var/lib/rosette
USER node
# 3000: the app (behind the proxy). 9464/9465: server/worker metrics, for the private network only.
EXPOSE 3000 9464 9465
# The runtime flags of server/server-node-flags.ts (a test keeps them equal).
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=256", "dist/server/main.js"]
