package com.mallrank.batch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The mallrank application: jobs, scheduler and command line. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MallrankApplication {

  public static void main(String[] args) {
    System.exit(SpringApplication.exit(SpringApplication.run(MallrankApplication.class, args)));
  }
}
