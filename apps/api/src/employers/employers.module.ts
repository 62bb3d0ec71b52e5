import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { User } from '../auth/entities/user.entity';
import { RegionsModule } from '../regions/regions.module';
import { EmployerJoinCode } from './entities/employer-join-code.entity';
import { Employer } from './entities/employer.entity';
import { EmployersController } from './employers.controller';
import { EmployersService } from './employers.service';

@Module({
  imports: [TypeOrmModule.forFeature([Employer, EmployerJoinCode, User]), RegionsModule, AuditModule],
  controllers: [EmployersController],
  providers: [EmployersService],
  exports: [EmployersService],
})
export class EmployersModule {}
