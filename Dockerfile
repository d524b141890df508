# One image for every licensync process; the compose file picks the command.
FROM node:24-slim
WORKDIR /app
RUN npm install -g pnpm@12.4.2
COPY . .
RUN pnpm install --frozen-lockfile
ENV NODE_ENV=production
# Secrets come from the environment (compose's env_file), never from the image.
USER node
EXPOSE 3000
CMD ["pnpm", "--filter", "@licensync/api", "start"]
