import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DataCipher, type DataKey } from './data-cipher.js';

@Global()
@Module({})
export class EncryptionModule {
  static forRoot(keys: readonly DataKey[]): DynamicModule {
    return {
      module: EncryptionModule,
      providers: [{ provide: DataCipher, useValue: new DataCipher(keys) }],
      exports: [DataCipher],
    };
  }
}
