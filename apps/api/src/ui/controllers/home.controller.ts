import { Controller, Get, Render, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { StaffPage } from '../../auth/access.decorator';
import { UiContextInterceptor } from '../ui-context.interceptor';

@ApiExcludeController()
@Controller()
@UseInterceptors(UiContextInterceptor)
export class HomeController {
  @Get()
  @StaffPage()
  @Render('home')
  home() {
    return { title: 'Oversikt', cards: [] };
  }
}
