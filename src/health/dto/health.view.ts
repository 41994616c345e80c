import { ApiProperty } from '@nestjs/swagger';

/** GET /health/live. */
export class LiveView {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

/** GET /health/ready. */
export class ReadyView {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ enum: ['ok'] }) database!: 'ok';
  @ApiProperty({ enum: ['ok'] }) migrations!: 'ok';
}
