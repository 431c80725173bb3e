// Scenario 0's reference: the same NestJS + Fastify versions as the API with one route answering
// {status:"ok"}, no middleware, no logger. Plain JavaScript, so decorators are applied as calls.
// Run as its own process: node bench/lib/bare-server.mjs <port>
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

class BareController {
  live() {
    return { status: 'ok' };
  }
}
Get('live')(
  BareController.prototype,
  'live',
  Object.getOwnPropertyDescriptor(BareController.prototype, 'live'),
);
Controller('health')(BareController);

class BareModule {}
Module({ controllers: [BareController] })(BareModule);

const app = await NestFactory.create(BareModule, new FastifyAdapter(), { logger: false });
await app.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
console.log(`bare ready ${await app.getUrl()}`);
