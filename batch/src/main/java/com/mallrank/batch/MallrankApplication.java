package com.mallrank.batch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The mallrank application: jobs, scheduler and command line. */
@SpringBootApplication
public class MallrankApplication {

  public static void main(String[] args) {
    SpringApplication.run(MallrankApplication.class, args);
  }
}
